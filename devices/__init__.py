"""WindowDesk devices: identity card readers (GA 467 SAM over serial, PC/SC social security
cards, vendor SDKs via ctypes, simulated), their health, and the one device thread.

Qt-free. Protocol code (``sam``, ``socialsec``) works on abstract connections
(``connection``); only ``serial_port`` imports pyserial and only ``pcsc`` imports pyscard.
The desktop reaches readers through ``service.DeviceService`` and turns its events into
Qt signals in its bridge module. See docs/devices.md.
"""
