"""差评整改: the supervisor's page of low ratings and their rectification."""
