"""(lane probe18b) A forecast for one day soon is the sky's, not the shop's: "what's the forecast
on ben nevis for saturday", "what's the forecast for tomorrow in leeds", "forecast for the
weekend?". The shop's forecast runs a month or more ahead (revenue_forecast's horizons), so a
forecast asked of tonight, tomorrow, a weekday or the weekend, with no KPI named, is the weather
there, whatever it is for (lane probe19c: "the soaring forecast", "the fishing forecast"): no
tool answers it (never "the sales forecast for next month", "bookings forecast for saturday",
"forecast revenue for the weekend")."""

from __future__ import annotations

from bot.agent.word_fragments import WEEKDAY

_KPI = (r"(?:revenue|sales|takings|turnover|income|money|cash|orders|bookings|covers|demand|footfall|visitors|customers|"
        r"trade|business|tills?|spend|profit)")
_SOON_DAY = (r"(?:tonight|today|tomorrow(?: night| morning| evening| afternoon)?|(?:this |the )?weekend|"
             rf"(?:this |on |next )?{WEEKDAY}(?: night| morning| evening| afternoon)?)")
DAY_FORECAST = (rf"(?!.*\b{_KPI}\b)(?:what(?:'s| is| will| does)|whats|hows|how(?:'s| is| does| will)|any|got|give me|"
                rf"what'?s) (?:the |a )?(?:[\w-]+ )?forecast(?: like| looking(?: like)?| saying| going to be)? (?:(?:on|for|in|at|up|over|near|round|around) "
                rf"(?:[\w'-]+ ){{0,3}}?)?(?:for |on |over )?{_SOON_DAY}\b|forecast (?:for|on|over) (?:the )?{_SOON_DAY}\s*[?.!]*$")
