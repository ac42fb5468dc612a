target_sources(tidesk_ui PRIVATE
    MainWindow.h MainWindow.cpp
    ConnectionCheck.h ConnectionCheck.cpp
    EnvironmentDelegate.h EnvironmentDelegate.cpp
    EnvironmentText.h EnvironmentText.cpp
    TierBanner.h TierBanner.cpp
    TierStyle.h TierStyle.cpp
    Theme.h Theme.cpp
    pages/EnvironmentPage.h pages/EnvironmentPage.cpp
    pages/ActivityPage.h pages/ActivityPage.cpp
    pages/ActivityRowDelegate.h pages/ActivityRowDelegate.cpp
    pages/SettingsPage.h pages/SettingsPage.cpp
    dialogs/EnvironmentDialog.h dialogs/EnvironmentDialog.cpp
    dialogs/EndpointListEditor.h dialogs/EndpointListEditor.cpp
    dialogs/ConfirmRemoveDialog.h dialogs/ConfirmRemoveDialog.cpp
    dialogs/UnlockVaultDialog.h dialogs/UnlockVaultDialog.cpp
)
