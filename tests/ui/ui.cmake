# UI slice: offscreen widget tests over real core services; they save screenshots into
# $TIDESK_SCREENSHOT_DIR (build/screenshots). tst_mainwindow_sandbox needs the sandbox (integration).
tidesk_add_test(tst_mainwindow SOURCES tst_mainwindow.cpp UiTestFixture.h
    LIBS tidesk_ui Qt6::Concurrent LABEL ui)
tidesk_add_test(tst_dialogs SOURCES tst_dialogs.cpp UiTestFixture.h
    LIBS tidesk_ui Qt6::Concurrent LABEL ui)
tidesk_add_test(tst_mainwindow_sandbox SOURCES tst_mainwindow_sandbox.cpp UiTestFixture.h
    LIBS tidesk_ui Qt6::Concurrent LABEL integration)
tidesk_add_test(tst_hostkey SOURCES tst_hostkey.cpp UiTestFixture.h
    LIBS tidesk_ui tidesk_resources Qt6::Concurrent LABEL ui)
tidesk_add_test(tst_hostkey_sandbox SOURCES tst_hostkey_sandbox.cpp UiTestFixture.h
    LIBS tidesk_ui Qt6::Concurrent LABEL integration)
tidesk_add_test(tst_alertspage SOURCES tst_alertspage.cpp UiTestFixture.h
    LIBS tidesk_ui Qt6::Concurrent Qt6::Network LABEL integration)
# Cluster page on the sandbox: TiDB catalog fixture topology, a broken replication channel, a wrong
# password. Needs the sandbox (integration).
tidesk_add_test(tst_clusterpage SOURCES tst_clusterpage.cpp UiTestFixture.h FixtureHttpServer.h
    LIBS tidesk_ui Qt6::Concurrent LABEL integration)

# Issue 4 charts: widgets/TimeSeriesChart and TimeRangePicker (no core services needed).
# Links the widgets alone (tidesk_core only for UiTestFixture.h's headers).
tidesk_add_test(tst_timeserieschart SOURCES tst_timeserieschart.cpp UiTestFixture.h
    LIBS tidesk_widgets tidesk_core LABEL ui)
# The Fleet page in the window over the sandbox: a stopped instance goes Down and comes back; a
# fleet row opens its cluster page. Needs the sandbox (integration).
tidesk_add_test(tst_fleet_window SOURCES tst_fleet_window.cpp UiTestFixture.h
    LIBS tidesk_ui Qt6::Concurrent LABEL integration)
# Guardrails page on the sandbox: MariaDB max_statement_time changed through the confirmation
# (typed name on a production-tier environment), audited and restored; the TiDB catalog fixture's
# runaway watches; an invalid value never sent. Needs the sandbox (integration).
tidesk_add_test(tst_guardrailspage SOURCES tst_guardrailspage.cpp UiTestFixture.h
    LIBS tidesk_ui Qt6::Concurrent LABEL integration)
# Slow SQL pages on the sandbox: a runaway SELECT SLEEP(30) on the Sessions page, killed through
# the production confirmation (typed name); slow queries by digest; a dry-run rule's "would have
# killed" line while the victim keeps running. Saves the issue 5 screenshots. Needs the sandbox.
tidesk_add_test(tst_sqlpages SOURCES tst_sqlpages.cpp UiTestFixture.h
    LIBS tidesk_ui Qt6::Concurrent LABEL integration)
