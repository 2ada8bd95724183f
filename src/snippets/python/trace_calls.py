"""Runs a snippet and records who hands control to whom, for checking diagrams.

Usage: python3 trace_calls.py SNIPPET.py TRACE.json

The snippet runs as __main__ with its own stdout; the trace goes to TRACE.json as a
list of messages [from, to, kind], where from and to are function names (the
top-level code is "<module>") and kind is one of call, return (for plain
functions), next, yield, return (for generators).
"""
import dis
import json
import runpy
import sys

snippet_path, trace_path = sys.argv[1], sys.argv[2]
CO_GENERATOR = 0x20
YIELD_OPCODES = {dis.opmap[name] for name in ("YIELD_VALUE",) if name in dis.opmap}
messages = []


def is_generator(code):
    return bool(code.co_flags & CO_GENERATOR)


def paused_at_yield(frame):
    # On a 'return' event a generator frame is either paused at a yield or finished.
    code = frame.f_code.co_code
    lasti = frame.f_lasti
    return 0 <= lasti < len(code) and code[lasti] in YIELD_OPCODES


def name_of(frame):
    return frame.f_code.co_name


def profile(frame, event, arg):
    if event not in ("call", "return") or frame.f_code.co_filename != snippet_path:
        return
    if frame.f_code.co_name == "<module>":
        return
    caller = frame.f_back
    caller_name = name_of(caller) if caller is not None and caller.f_code.co_filename == snippet_path else "<module>"
    if is_generator(frame.f_code):
        if event == "call":
            messages.append([caller_name, name_of(frame), "next"])
        else:
            messages.append([name_of(frame), caller_name, "yield" if paused_at_yield(frame) else "return"])
    elif event == "call":
        messages.append([caller_name, name_of(frame), "call"])
    else:
        messages.append([name_of(frame), caller_name, "return"])


sys.setprofile(profile)
try:
    runpy.run_path(snippet_path, run_name="__main__")
finally:
    sys.setprofile(None)
    with open(trace_path, "w") as trace:
        json.dump(messages, trace)
