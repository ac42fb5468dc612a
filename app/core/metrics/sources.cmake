target_sources(tidesk_core PRIVATE
    metrics/PromParser.h metrics/PromParser.cpp
    metrics/PrometheusClient.h metrics/PrometheusClient.cpp
    metrics/MetricRange.h metrics/MetricRange.cpp
    metrics/ChartCatalog.h metrics/ChartCatalog.cpp
)
