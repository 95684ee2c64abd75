"""The village station (``--mode village``): the offline/online banner, what waits to be sent,
the quarantine of what the platform returned, and the hand-over of paper to the town."""
