"""Records what each generator of a snippet's run does, for the page's trace view.

Built on sys.monitoring (Python 3.12+), the interpreter's own event hooks, so the
reader's code runs unchanged. `start(sink)` before the snippet runs, `stop()`
after; `sink` receives each event as it happens, as JSON shaped like
`TraceEvent` in trace-event.ts.

`start(sink, functions=True)` also records the calls and returns of the
snippet's plain functions (function-call, function-return, and a raise when an
exception leaves one), and a generator called inside such a function is driven
by it. The page does not ask for that; the test that checks the chapters'
sequence diagrams against real runs does, as those diagrams draw plain calls.

Where an event comes from:
- create: a CALL of a generator function defined in the snippet;
- call: a CALL of next(), send(), throw() or close() on a generator, or a
  generator resumed by a for loop or by `yield from` (PY_START, PY_RESUME, PY_THROW);
- yield, return, raise: PY_YIELD, PY_RETURN, PY_UNWIND, and a protocol call that
  finished without running the generator (a non-None first send, a finished
  generator) through C_RETURN, C_RAISE and the RAISE that follows.
"""
import dis
import json
import sys
import types
import weakref

monitoring = sys.monitoring
TOOL = monitoring.PROFILER_ID
E = monitoring.events
SNIPPET = "<snippet>"
CO_NEWLOCALS = 0x2
CO_GENERATOR = 0x20
CO_COROUTINE = 0x80
# What the trace draws: generators, and the coroutines of `async def`, which follow the same protocol.
CO_DRAWN = CO_GENERATOR | CO_COROUTINE
DRIVEN = (types.GeneratorType, types.CoroutineType)
# Generators, coroutines and async generators: functions whose calls do not simply run and return.
CO_SUSPENDABLE = CO_GENERATOR | 0x80 | 0x100 | 0x200
# Functions the compiler writes, not the reader: Python 3.14 evaluates annotations lazily through these.
COMPILER_MADE = {"__annotate__"}
CALLER = "caller"
MAX_VALUE_CHARS = 80
METHODS = ("send", "throw", "close")
# `gen.send(v)` calls the method through its descriptor, with the generator as first argument.
DESCRIPTORS = [(getattr(kind, method), method) for kind in DRIVEN for method in METHODS]
CONSTANT_LOADS = {"LOAD_CONST", "LOAD_SMALL_INT"}
NAME_LOADS = {"LOAD_FAST", "LOAD_FAST_BORROW", "LOAD_FAST_CHECK", "LOAD_NAME", "LOAD_GLOBAL", "LOAD_DEREF"}
UNKNOWN = "…"


def short(text):
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"


def show(value):
    try:
        return short(repr(value))
    except Exception:
        return "<unprintable>"


def describe_error(error):
    message = str(error)
    return short(f"{type(error).__name__}: {message}" if message else type(error).__name__)


def argument_of_call(frame, code, offset):
    """The value of a one-argument call's argument, read from the bytecode that loaded it.

    sys.monitoring tells a method call's first argument, which for `gen.send(v)` is
    `gen`; `v` is known when it is a constant or a variable, the usual case.
    """
    previous = None
    for instruction in dis.get_instructions(code):
        if instruction.offset == offset:
            break
        previous = instruction
    if previous is None:
        return UNKNOWN
    if previous.opname in CONSTANT_LOADS:
        return show(previous.argval)
    if previous.opname in NAME_LOADS:
        name = previous.argval
        for namespace in (frame.f_locals, frame.f_globals, frame.f_builtins):
            if name in namespace:
                return show(namespace[name])
    return UNKNOWN


def is_snippet_generator(code):
    return code.co_filename == SNIPPET and bool(code.co_flags & CO_DRAWN)


# A coroutine keeps in `cr_` what a generator keeps in `gi_`.
def frame_of(generator):
    return generator.gi_frame if isinstance(generator, types.GeneratorType) else generator.cr_frame


def code_of(generator):
    return generator.gi_code if isinstance(generator, types.GeneratorType) else generator.cr_code


def delegate_of(generator):
    """What `generator` delegates to now: through `yield from`, or through `await`."""
    return generator.gi_yieldfrom if isinstance(generator, types.GeneratorType) else generator.cr_await


def is_snippet_function(code):
    """A plain function of the snippet; CO_NEWLOCALS leaves out the module's code and class bodies."""
    return (
        code.co_filename == SNIPPET
        and bool(code.co_flags & CO_NEWLOCALS)
        and not code.co_flags & CO_SUSPENDABLE
        and code.co_name not in COMPILER_MADE
    )


class Tracer:
    def __init__(self, sink, functions=False):
        self.sink = sink
        self.functions = functions
        # Plain functions running now, by frame; removed when they return, so a reused id is harmless.
        self.function_frames = {}
        # Generators are named by their frame, which lives as long as they do.
        self.frame_names = {}
        self.frames = []
        self.generator_names = weakref.WeakKeyDictionary()
        self.counts = {}
        self.last_names = {}
        # Generator functions called but whose generators have not run yet, per code object.
        self.unstarted = {}
        # Protocol calls in progress, innermost last:
        # [generator name, callable, resumed?, the call, the generator and those it delegates to].
        # A call is recorded once the generator runs, or once it returns without running: only
        # then is it known what was thrown, and whether the generator ran at all.
        self.calls = []
        self.awaiting_error = None
        # Each generator's current call: who made it (whom it answers to), and what it asked,
        # so that `yield from` passes the same on.
        self.requests = {}
        # Delegating generators a throw() or close() passed through without running their code:
        # CPython hands those straight to the innermost generator of a `yield from` chain.
        self.relaying = set()

    # --- naming -------------------------------------------------------------

    def new_name(self, code):
        count = self.counts.get(code.co_name, 0) + 1
        self.counts[code.co_name] = count
        return f"{code.co_name}#{count}"

    def name_frame(self, frame):
        """The name of the generator running in `frame`, given on first sight."""
        name = self.frame_names.get(id(frame))
        if name is None:
            waiting = self.unstarted.get(frame.f_code)
            if waiting:
                name = waiting.pop(0)
            else:
                name = self.new_name(frame.f_code)
                self.record("create", name, self.participant(frame.f_back), line=self.line(frame.f_back))
            self.frame_names[id(frame)] = name
            self.last_names[frame.f_code] = name
            self.frames.append(frame)
        return name

    def name_generator(self, generator):
        name = self.generator_names.get(generator)
        if name is None and frame_of(generator) is not None:
            name = self.name_frame(frame_of(generator))
        if name is None:
            # A finished generator first met here, after a for loop or list() drove it:
            # its frame is gone, so it is taken to be the last one of its function.
            name = self.last_names.get(code_of(generator)) or self.new_name(code_of(generator))
        self.generator_names[generator] = name
        return name

    def participant(self, frame):
        """Who is driving: the nearest generator (or recorded plain function) up the stack, else the caller."""
        while frame is not None:
            name = self.frame_names.get(id(frame)) or self.function_frames.get(id(frame))
            if name is not None:
                return name
            frame = frame.f_back
        return CALLER

    @staticmethod
    def line(frame):
        return frame.f_lineno if frame is not None and frame.f_code.co_filename == SNIPPET else None

    # --- recording ----------------------------------------------------------

    def record(self, kind, generator, caller, line=None, method=None, value=None, state=None):
        if kind == "call":
            self.requests[generator] = (caller, method, value)
        event = {"kind": kind, "generator": generator, "caller": caller}
        if method is not None:
            event["method"] = method
        if value is not None:
            event["value"] = value
        if line is not None:
            event["line"] = line
        if state is not None:
            event["state"] = state
        self.sink(json.dumps(event))

    # --- sys.monitoring callbacks --------------------------------------------

    def on_call(self, code, offset, callable, arg0):
        if code.co_filename != SNIPPET:
            return monitoring.DISABLE
        frame = sys._getframe(1)
        target = getattr(callable, "__code__", None)
        if isinstance(target, types.CodeType) and is_snippet_generator(target):
            name = self.new_name(target)
            self.unstarted.setdefault(target, []).append(name)
            self.record("create", name, self.participant(frame), line=frame.f_lineno)
            return
        owner = getattr(callable, "__self__", None)
        descriptor = next((method for candidate, method in DESCRIPTORS if callable is candidate), None)
        if callable is next and isinstance(arg0, types.GeneratorType):
            generator, method, value = arg0, "next", None
        elif descriptor is not None and isinstance(arg0, DRIVEN):
            generator, method = arg0, descriptor
            value = argument_of_call(frame, code, offset) if method == "send" else None
        elif isinstance(owner, DRIVEN) and getattr(callable, "__name__", "") in METHODS:
            generator, method = owner, callable.__name__
            value = None if arg0 is monitoring.MISSING or method != "send" else show(arg0)
        else:
            return
        name = self.name_generator(generator)
        call = dict(caller=self.participant(frame), line=frame.f_lineno, method=method, value=value)
        self.calls.append([name, callable, False, call, self.delegation_chain(generator)])

    def resumed(self, code, method, value):
        frame = sys._getframe(2)
        name = self.name_frame(frame)
        if name in self.relaying:
            # Its subgenerator finished the throw() or close() it relayed: its own code runs now.
            self.relaying.discard(name)
            return
        top = self.calls[-1] if self.calls and not self.calls[-1][2] else None
        if top is not None:
            # Which generator of the called one's `yield from` chain received the call.
            depth = next((index for index, generator in enumerate(top[4]) if frame_of(generator) is frame), None)
            if depth is not None:
                top[2] = True
                self.record("call", top[0], **{**top[3], **({"value": value} if method == "throw" else {})})
                self.relay(top[4][: depth + 1], method, value)
                return
        caller = self.participant(frame.f_back)
        if method is None:
            # A for loop asks for the next value; `yield from` passes on what it was asked.
            _, method, value = self.requests.get(caller, (CALLER, "next", None))
        self.record("call", name, caller, line=self.line(frame.f_back), method=method, value=value)

    @staticmethod
    def delegation_chain(generator):
        """`generator` and those it delegates to through `yield from` or `await`, outermost first.

        Read before the call: while a call runs, CPython no longer tells the chain.
        """
        chain = [generator]
        while isinstance(delegate_of(chain[-1]), DRIVEN) and len(chain) < 100:
            chain.append(delegate_of(chain[-1]))
        return chain

    def relay(self, chain, method, value):
        """Records a throw() or close() passing down a `yield from` chain to its innermost generator."""
        names = [self.name_generator(generator) for generator in chain]
        for outer, inner in zip(names, names[1:]):
            self.relaying.add(outer)
            self.record("call", inner, outer, method=method, value=value)

    def on_start(self, code, offset):
        if is_snippet_generator(code):
            self.resumed(code, None, None)
        elif self.functions and is_snippet_function(code):
            frame = sys._getframe(1)
            self.record("function-call", code.co_name, self.participant(frame.f_back), line=self.line(frame.f_back))
            self.function_frames[id(frame)] = code.co_name
        else:
            # Not reported again for this code until stop(), so other code runs at full speed.
            return monitoring.DISABLE

    def on_throw(self, code, offset, exception):
        if not is_snippet_generator(code):
            return
        method = "close" if isinstance(exception, GeneratorExit) else "throw"
        self.resumed(code, method, None if method == "close" else show(exception))

    def left(self, kind, code, value):
        frame = sys._getframe(2)
        name = self.name_frame(frame)
        caller = self.requests[name][0] if name in self.requests else self.participant(frame.f_back)
        self.record(kind, name, caller, line=frame.f_lineno, value=value)
        # A value yielded to a relaying generator goes straight on out, through each of them.
        while kind == "yield" and caller in self.relaying:
            self.relaying.discard(caller)
            name, caller = caller, self.requests.get(caller, (CALLER,))[0]
            self.record("yield", name, caller, value=value)

    def on_yield(self, code, offset, value):
        if is_snippet_generator(code):
            self.left("yield", code, show(value))

    def function_left(self, kind, value):
        frame = sys._getframe(2)
        name = self.function_frames.pop(id(frame), None)
        if name is not None:
            self.record(kind, name, self.participant(frame.f_back), line=frame.f_lineno, value=value)

    def on_return(self, code, offset, value):
        if is_snippet_generator(code):
            self.left("return", code, show(value))
        elif self.functions and is_snippet_function(code):
            self.function_left("function-return", show(value))

    def on_unwind(self, code, offset, exception):
        if is_snippet_generator(code):
            self.left("raise", code, describe_error(exception))
        elif self.functions and is_snippet_function(code):
            self.function_left("raise", describe_error(exception))

    def finished_call(self, callable, raised):
        if not self.calls or self.calls[-1][1] != callable:
            return
        name, _, resumed, call, chain = self.calls.pop()
        if resumed:
            return
        # The generator never ran: it was finished already, or refused the call.
        state = "closed" if frame_of(chain[0]) is None else "created"
        self.record("call", name, **call, state=state)
        if raised:
            self.awaiting_error = (name, state)
        else:
            self.record("return", name, self.participant(sys._getframe(2)), value="None", state=state)

    def on_c_return(self, code, offset, callable, arg0):
        self.finished_call(callable, raised=False)

    def on_c_raise(self, code, offset, callable, arg0):
        self.finished_call(callable, raised=True)

    def on_raise(self, code, offset, exception):
        if self.awaiting_error is not None:
            (name, state), self.awaiting_error = self.awaiting_error, None
            frame = sys._getframe(1)
            self.record("raise", name, self.participant(frame), line=self.line(frame), value=describe_error(exception), state=state)


CALLBACKS = {
    E.CALL: "on_call",
    E.PY_START: "on_start",
    E.PY_RESUME: "on_start",
    E.PY_THROW: "on_throw",
    E.PY_YIELD: "on_yield",
    E.PY_RETURN: "on_return",
    E.PY_UNWIND: "on_unwind",
    E.C_RETURN: "on_c_return",
    E.C_RAISE: "on_c_raise",
    E.RAISE: "on_raise",
}

tracer = None


def start(sink, functions=False):
    global tracer
    tracer = Tracer(sink, functions)
    monitoring.use_tool_id(TOOL, "generator trace")
    events = 0
    for event, method in CALLBACKS.items():
        monitoring.register_callback(TOOL, event, getattr(tracer, method))
        events |= event
    monitoring.set_events(TOOL, events)
    return tracer


def stop():
    monitoring.set_events(TOOL, 0)
    for event in CALLBACKS:
        monitoring.register_callback(TOOL, event, None)
    monitoring.free_tool_id(TOOL)
    monitoring.restart_events()
