"""The Slack app: Bolt wiring (app.py), the listener table (listeners.py), /journey
(commands.py), buttons (actions.py), the Home tab (home.py), and the poster every message
goes out through (poster.py). Block Kit itself is built in bot/render."""
