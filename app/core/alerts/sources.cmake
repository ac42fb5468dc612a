target_sources(tidesk_core PRIVATE
    alerts/Alert.h alerts/Alert.cpp
    alerts/AlertListModel.h alerts/AlertListModel.cpp
    alerts/AlertmanagerClient.h alerts/AlertmanagerClient.cpp
    alerts/AlertmanagerParser.h alerts/AlertmanagerParser.cpp
    alerts/FleetAlerts.h alerts/FleetAlerts.cpp
    alerts/Silence.h alerts/Silence.cpp
    alerts/AlertNotifier.h alerts/AlertNotifier.cpp
)
