"""The self-service kiosk (``--mode kiosk``): full screen, touch, no operator."""
