"""The predictive journey: churn risk, purchase propensity, lifetime value, next best actions.

Modules, from data to answers:
- features: behavioural features per customer at a cut-off, and the labels after it.
- modelling: time-based training and testing against a recency rule (churn, purchase).
- bgnbd, clv: the BG/NBD and Gamma-Gamma models, the holdout check.
- registry, training: model versions in <home>/models and `retrain` for schedules.
- scoring: every customer scored by the active models (trains missing ones).
- churn, propensity, forecast, actions: the tools the agent, CLI, digest and alerts call.
- settings: PredictSettings, the models' knobs (bot/config/data.py PredictConfig fills it from [predict]).

Submodules are imported where used, so importing this package stays cheap.
"""
