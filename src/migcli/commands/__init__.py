"""The commands, grouped by what they do; each registers itself on migcli.app.app."""
