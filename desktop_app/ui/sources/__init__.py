"""The Sources panel: subscriptions, their state, and updates in the background."""
