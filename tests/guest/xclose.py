#!/usr/bin/env python3
"""Ask an X window to close, as a window manager's close button does: a
WM_PROTOCOLS client message carrying WM_DELETE_WINDOW (ICCCM 4.1.2.7).
xdotool's windowclose destroys the window instead, which kills an SDL
program.  Only libX11 through ctypes: no python-xlib needed.

usage: tests/guest/xclose.py WINDOW-ID      ($DISPLAY names the server)
"""
import ctypes
import ctypes.util
import sys


class ClientMessage(ctypes.Structure):
    # XClientMessageEvent (X11/Xlib.h), format 32: data as five longs
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong),
                ("send_event", ctypes.c_int), ("display", ctypes.c_void_p),
                ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("data", ctypes.c_long * 5)]


class XEvent(ctypes.Union):
    _fields_ = [("xclient", ClientMessage), ("pad", ctypes.c_long * 24)]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip())
    window = int(sys.argv[1], 0)
    x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                                ctypes.c_int]
    x11.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int,
                               ctypes.c_long, ctypes.POINTER(XEvent)]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    dpy = x11.XOpenDisplay(None)
    if not dpy:
        sys.exit("xclose: cannot open the X display")
    ev = XEvent()
    ev.xclient.type = 33                    # ClientMessage
    ev.xclient.window = window
    ev.xclient.message_type = x11.XInternAtom(dpy, b"WM_PROTOCOLS", 0)
    ev.xclient.format = 32
    ev.xclient.data[0] = x11.XInternAtom(dpy, b"WM_DELETE_WINDOW", 0)
    ev.xclient.data[1] = 0                  # CurrentTime
    if not x11.XSendEvent(dpy, window, 0, 0, ctypes.byref(ev)):
        sys.exit("xclose: XSendEvent failed")
    x11.XFlush(dpy)
    x11.XCloseDisplay(dpy)


if __name__ == "__main__":
    main()
