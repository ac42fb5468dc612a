# Guardrails (issue 5) against the sandbox: MariaDB max_statement_time read, changed GLOBAL,
# audited and restored; the TiDB dialect on the catalog fixture (runaway watches listed; TiDB-only
# variables and statements fail with the server's own error, named per part); wrong password.
tidesk_add_test(tst_guardrails_sandbox SOURCES tst_guardrails_sandbox.cpp LIBS tidesk_core LABEL integration)
