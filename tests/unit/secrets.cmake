# Secrets slice: OpenSSL helpers, the encrypted vault file, the OS keychain, the backend selector.
tidesk_add_test(tst_crypto SOURCES tst_crypto.cpp LIBS tidesk_core LABEL unit)
tidesk_add_test(tst_vaultfilestore SOURCES tst_vaultfilestore.cpp LIBS tidesk_core Qt6::Concurrent
    LABEL unit)
tidesk_add_test(tst_keychainstore SOURCES tst_keychainstore.cpp LIBS tidesk_core LABEL unit)
