target_sources(tidesk_core PRIVATE
    secrets/CredentialStore.h
    secrets/KeychainStore.h
    secrets/VaultFileStore.h
)
