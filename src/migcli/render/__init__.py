"""Renderers: turn records into Rich output. Data text only ever enters Rich as `Text`."""
