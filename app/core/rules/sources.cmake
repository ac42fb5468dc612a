# Kill rules (issue 5): pt-kill for the fleet. Rules and their JSON file, the pure engine, the
# runner that polls the environments, TiDB push-down statements.
target_sources(tidesk_core PRIVATE
    rules/KillRule.h rules/KillRule.cpp
    rules/RuleSet.h rules/RuleSet.cpp
    rules/RuleDecision.h rules/RuleDecision.cpp
    rules/RuleEngine.h rules/RuleEngine.cpp
    rules/RuleKiller.h
    rules/RuleRunner.h rules/RuleRunner.cpp
    rules/RulePushDown.h rules/RulePushDown.cpp
)
