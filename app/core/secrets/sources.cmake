target_sources(tidesk_core PRIVATE
    secrets/CredentialStore.h
    secrets/KeychainStore.h secrets/KeychainStore.cpp
    secrets/SecretReader.h secrets/SecretReader.cpp
    secrets/SecretStoreFactory.h secrets/SecretStoreFactory.cpp
    secrets/VaultFileStore.h secrets/VaultFileStore.cpp
    secrets/VaultFormat.h secrets/VaultFormat.cpp
)
