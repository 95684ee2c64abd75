"""A tiny X client (libX11 through ctypes) that watches for a top-level window from outside.

``XProbe.painted(title)`` is true once a window whose ``_NET_WM_NAME`` is ``title`` is a
child of the root window, is viewable (mapped) and its pixels, read back with ``XGetImage``,
are mostly the colour Qt paints a window with rather than the black root (start Xvfb with
``-br``): "mapped" alone is not "painted" — a window is mapped before its first expose is
drawn. Without a window manager the top-level windows are the root's direct children.
No python-xlib, no subprocess per poll: one poll costs well under a millisecond.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

_c_ulong_p = ctypes.POINTER(ctypes.c_ulong)


class _XWindowAttributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("border_width", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p),
        ("root", ctypes.c_ulong),
        ("c_class", ctypes.c_int),
        ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int),
        ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int),
        ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long),
        ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int),
        ("screen", ctypes.c_void_p),
    ]


class _XImageFuncs(ctypes.Structure):
    _fields_ = [
        ("create_image", ctypes.c_void_p),
        ("destroy_image", ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)),
        ("get_pixel", ctypes.c_void_p),
        ("put_pixel", ctypes.c_void_p),
        ("sub_image", ctypes.c_void_p),
        ("add_pixel", ctypes.c_void_p),
    ]


class _XImage(ctypes.Structure):
    _fields_ = [
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("xoffset", ctypes.c_int),
        ("format", ctypes.c_int),
        ("data", ctypes.c_void_p),
        ("byte_order", ctypes.c_int),
        ("bitmap_unit", ctypes.c_int),
        ("bitmap_bit_order", ctypes.c_int),
        ("bitmap_pad", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("bytes_per_line", ctypes.c_int),
        ("bits_per_pixel", ctypes.c_int),
        ("red_mask", ctypes.c_ulong),
        ("green_mask", ctypes.c_ulong),
        ("blue_mask", ctypes.c_ulong),
        ("obdata", ctypes.c_void_p),
        ("f", _XImageFuncs),
    ]


_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
IS_VIEWABLE = 2
ZPIXMAP = 2
ALL_PLANES = 0xFFFFFFFF


def _ignore_x_error(_display: Any, _event: Any) -> int:
    return 0  # a window that went away between two requests: not fatal to the prober


_HANDLER = _ERROR_HANDLER(_ignore_x_error)


class XProbe:
    def __init__(self, display: str) -> None:
        name = ctypes.util.find_library("X11") or "libX11.so.6"
        x = ctypes.CDLL(name)
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XInternAtom.restype = ctypes.c_ulong
        x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x.XQueryTree.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            _c_ulong_p,
            _c_ulong_p,
            ctypes.POINTER(_c_ulong_p),
            ctypes.POINTER(ctypes.c_uint),
        ]
        x.XGetWindowProperty.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_ulong,
            ctypes.c_long,
            ctypes.c_long,
            ctypes.c_int,
            ctypes.c_ulong,
            _c_ulong_p,
            ctypes.POINTER(ctypes.c_int),
            _c_ulong_p,
            _c_ulong_p,
            ctypes.POINTER(ctypes.c_void_p),
        ]
        x.XGetWindowAttributes.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_XWindowAttributes),
        ]
        x.XGetImage.restype = ctypes.POINTER(_XImage)
        x.XGetImage.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_ulong,
            ctypes.c_int,
        ]
        x.XFree.argtypes = [ctypes.c_void_p]
        x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        x.XSetErrorHandler(_HANDLER)
        self._x = x
        self._dpy = x.XOpenDisplay(display.encode())
        if not self._dpy:
            raise RuntimeError(f"cannot open X display {display}")
        self._root = x.XDefaultRootWindow(self._dpy)
        self._net_wm_name = x.XInternAtom(self._dpy, b"_NET_WM_NAME", 0)
        self._utf8 = x.XInternAtom(self._dpy, b"UTF8_STRING", 0)

    def close(self) -> None:
        if self._dpy:
            self._x.XCloseDisplay(self._dpy)
            self._dpy = None

    def _children(self) -> list[int]:
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        children = _c_ulong_p()
        n = ctypes.c_uint()
        if not self._x.XQueryTree(
            self._dpy, self._root, ctypes.byref(root), ctypes.byref(parent), children, n
        ):
            return []
        out = [children[i] for i in range(n.value)]
        if children:
            self._x.XFree(children)
        return out

    def _title(self, window: int) -> str | None:
        kind, fmt = ctypes.c_ulong(), ctypes.c_int()
        n, after = ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.c_void_p()
        status = self._x.XGetWindowProperty(
            self._dpy,
            window,
            self._net_wm_name,
            0,
            1024,
            0,
            self._utf8,
            ctypes.byref(kind),
            ctypes.byref(fmt),
            ctypes.byref(n),
            ctypes.byref(after),
            ctypes.byref(data),
        )
        if status != 0 or not data.value:
            return None
        try:
            return ctypes.string_at(data.value, n.value).decode("utf-8", "replace")
        finally:
            self._x.XFree(data)

    def find(self, title: str) -> int | None:
        """The viewable top-level window with this title, if there is one."""
        for window in self._children():
            if self._title(window) == title and self._viewable(window) is not None:
                return window
        return None

    def _viewable(self, window: int) -> tuple[int, int] | None:
        attrs = _XWindowAttributes()
        if not self._x.XGetWindowAttributes(self._dpy, window, ctypes.byref(attrs)):
            return None
        if attrs.map_state != IS_VIEWABLE:
            return None
        return attrs.width, attrs.height

    def painted_fraction(self, window: int) -> float:
        """The share of sampled pixels that are neither black (the root) nor unset."""
        size = self._viewable(window)
        if size is None:
            return 0.0
        width, height = size
        image = self._x.XGetImage(self._dpy, window, 0, 0, width, height, ALL_PLANES, ZPIXMAP)
        if not image:
            return 0.0
        try:
            img = image.contents
            if img.bits_per_pixel != 32:
                raise RuntimeError(f"expected a 24-bit screen, got {img.bits_per_pixel} bpp")
            raw = ctypes.string_at(img.data, img.bytes_per_line * img.height)
            samples = painted = 0
            for y in range(2, img.height, 6):
                row = y * img.bytes_per_line
                for x in range(2, img.width, 6):
                    p = row + 4 * x
                    samples += 1
                    painted += raw[p : p + 3] != b"\0\0\0"
            return painted / samples if samples else 0.0
        finally:
            image.contents.f.destroy_image(image)

    def painted(self, title: str, *, threshold: float = 0.5) -> bool:
        window = self.find(title)
        return window is not None and self.painted_fraction(window) >= threshold


class Xvfb:
    """An Xvfb of our own on a free display (``-displayfd``), black root, stopped on exit."""

    def __init__(self, size: str = "1366x768x24") -> None:
        exe = shutil.which("Xvfb")
        if exe is None:
            raise RuntimeError("Xvfb is not installed: run scripts/system-deps.sh")
        self._dir = Path(tempfile.mkdtemp(prefix="wd-xvfb-"))
        read, write = os.pipe()
        self.proc = subprocess.Popen(
            [exe, "-displayfd", str(write), "-screen", "0", size, "-nolisten", "tcp", "-br"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=open(self._dir / "xvfb.log", "wb"),  # noqa: SIM115 (lives with the server)
        )
        os.close(write)
        number = b""
        deadline = time.monotonic() + 20
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            chunk = os.read(read, 16)
            if not chunk:
                break
            number += chunk
        os.close(read)
        if not number.strip():
            self.stop()
            log = (self._dir / "xvfb.log").read_text(errors="replace")
            raise RuntimeError(f"Xvfb did not start: {log[-2000:]}")
        self.display = f":{int(number)}"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> Xvfb:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()
