# Assist slice (issue 7): the end-to-end protocol's cryptographic core. Pure code, no network.
# tst_spake2 builds a malicious share (w*N) with OpenSSL directly.
tidesk_add_test(tst_spake2 SOURCES tst_spake2.cpp LIBS tidesk_core OpenSSL::Crypto LABEL unit)
tidesk_add_test(tst_assisthandshake SOURCES tst_assisthandshake.cpp LIBS tidesk_core LABEL unit)
tidesk_add_test(tst_framecipher SOURCES tst_framecipher.cpp LIBS tidesk_core LABEL unit)
tidesk_add_test(tst_sessioncode SOURCES tst_sessioncode.cpp LIBS tidesk_core LABEL unit)
# The session's messages: statement classification (what may be auto-approved), strict decoding,
# proposals, result chunking under the frame limit, views.
tidesk_add_test(tst_assistmessages SOURCES tst_assistmessages.cpp LIBS tidesk_core LABEL unit)
