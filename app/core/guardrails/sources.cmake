# Guardrails (issue 5): view and change statement time/memory limits, runaway watches, bindings.
target_sources(tidesk_core PRIVATE
    guardrails/GuardrailSnapshot.h
    guardrails/GuardrailReader.h guardrails/GuardrailReader.cpp
    guardrails/GuardrailWriter.h guardrails/GuardrailWriter.cpp
)
