"""Local stand-ins for models and services, speaking the real interfaces."""
