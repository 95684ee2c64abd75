"""The 办不成事 window (the core is intake.services.complaints)."""
