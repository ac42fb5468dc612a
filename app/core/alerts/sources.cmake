target_sources(tidesk_core PRIVATE
    alerts/Alert.h alerts/Alert.cpp
    alerts/AlertmanagerClient.h alerts/AlertmanagerClient.cpp
    alerts/AlertmanagerParser.h alerts/AlertmanagerParser.cpp
)
