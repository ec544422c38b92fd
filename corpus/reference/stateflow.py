"""Reference semantics of Entflow entity programs on CPython.

An entity program imports `entity` (or its alias `stateflow`), `transactional`
and `invariant` from this module and runs unchanged on CPython 3.11. The module
adds what a plain Python run lacks:

- Each `@entity` instance is registered under (class name, key) once its
  outermost `__init__` returns. A second instance with the same key raises
  ValueError and is not registered.
- Values that cross from one entity, or from the client, to another entity are
  deep copies: method arguments, return values, creation arguments and reads of
  another entity's attributes. Entity instances are references and are never
  copied. A call on the executing entity itself copies nothing.
- The outermost `@transactional` call snapshots every registered entity and the
  registry; if the call raises, all of it is restored before the exception
  propagates.
- `@invariant` marks module-level checks that the runner evaluates at the end.

`reset()` clears the registry and the call state, so one process can run many
scenarios.
"""

import copy
import functools
import inspect

__all__ = ["entity", "stateflow", "transactional", "invariant"]


class _World:
    """All harness state of one scenario."""

    def __init__(self):
        # (class name, key) -> instance, in registration order.
        self.registry = {}
        # Entities whose method or __init__ is executing, innermost last.
        # Empty while client code runs.
        self.stack = []
        # True while an outermost @transactional call is running.
        self.is_transaction_active = False
        # ids of instances inside their outermost __init__, so that a
        # super().__init__() chain registers the instance only once.
        self.initializing = set()


_world = _World()


def reset():
    """Clear the registry and the call state before a new scenario."""
    global _world
    _world = _World()


def registered_entities():
    """Return (class name, key, instance) triples in registration order."""
    return [(name, key, instance) for (name, key), instance in _world.registry.items()]


def is_entity(value):
    return getattr(type(value), "_stateflow_entity", False) is True


def entity_state(instance):
    """Return the instance's attribute dict itself, bypassing read copies."""
    return object.__getattribute__(instance, "__dict__")


def is_invariant(value):
    return inspect.isfunction(value) and getattr(value, "_stateflow_invariant", False) is True


def _executing_entity():
    return _world.stack[-1] if _world.stack else None


def _copy_value(value):
    # Entity classes define __deepcopy__ returning self, so references survive
    # the copy and everything else is duplicated. One deepcopy call per
    # crossing keeps aliasing inside that one value and nothing between values.
    return copy.deepcopy(value)


def _wrap_method(function):
    @functools.wraps(function)
    def call_method(self, *args, **kwargs):
        is_local = _executing_entity() is self
        if not is_local:
            args, kwargs = _copy_value((args, kwargs))

        _world.stack.append(self)
        try:
            result = function(self, *args, **kwargs)
        finally:
            _world.stack.pop()

        return result if is_local else _copy_value(result)

    return call_method


def _check_key(class_name, key):
    if type(key) is not str and type(key) is not int:
        raise TypeError(
            f"{class_name}.__key__() must return a str or an int, not {type(key).__name__}"
        )


def _wrap_init(init):
    @functools.wraps(init)
    def __init__(self, *args, **kwargs):
        if id(self) in _world.initializing:
            # An inner __init__ of a super().__init__() chain: the outermost
            # one registers the instance.
            init(self, *args, **kwargs)
            return

        args, kwargs = _copy_value((args, kwargs))
        _world.initializing.add(id(self))
        _world.stack.append(self)
        try:
            init(self, *args, **kwargs)
            key = self.__key__()
        finally:
            _world.stack.pop()
            _world.initializing.discard(id(self))

        class_name = type(self).__name__
        _check_key(class_name, key)
        if (class_name, key) in _world.registry:
            raise ValueError(f"{class_name} entity with key {key!r} already exists")
        _world.registry[(class_name, key)] = self

    return __init__


def _get_attribute(self, name):
    value = object.__getattribute__(self, name)
    if name.startswith("__"):
        return value

    stack = _world.stack
    if stack and stack[-1] is self:
        return value

    # Only state attributes are copied. Methods live on the class and pass.
    if name in object.__getattribute__(self, "__dict__"):
        return _copy_value(value)
    return value


def _keep_reference(self, memo=None):
    return self


def entity(cls):
    """Make a class an entity: one registered instance per key."""
    if not isinstance(cls, type):
        raise TypeError(f"@entity decorates a class, not {type(cls).__name__}")
    if not callable(getattr(cls, "__key__", None)):
        raise TypeError(f"entity class {cls.__name__} must define a __key__(self) method that returns its key")

    for name, member in list(vars(cls).items()):
        if name == "__init__" or not inspect.isfunction(member):
            continue
        if name.startswith("__") and name != "__key__":
            continue
        setattr(cls, name, _wrap_method(member))

    cls.__init__ = _wrap_init(cls.__init__)
    cls.__getattribute__ = _get_attribute
    cls.__deepcopy__ = _keep_reference
    cls.__copy__ = _keep_reference
    cls._stateflow_entity = True
    return cls


# Programs written for the original stateflow prototype decorate with @stateflow.
stateflow = entity


def _take_snapshot():
    instances = list(_world.registry.values())
    # One deepcopy for all dicts keeps aliasing between an entity's attributes.
    states = copy.deepcopy([entity_state(instance) for instance in instances])
    return dict(_world.registry), list(zip(instances, states))


def _restore_snapshot(snapshot):
    registry, saved_states = snapshot
    _world.registry = registry
    for instance, saved_state in saved_states:
        state = entity_state(instance)
        state.clear()
        state.update(saved_state)


def transactional(function):
    """Undo every entity change of the call chain if the outermost call raises.

    A transactional method called while another transactional call is running
    takes no snapshot of its own. Only the outermost call restores.
    """

    @functools.wraps(function)
    def call_transactional(*args, **kwargs):
        if _world.is_transaction_active:
            return function(*args, **kwargs)

        snapshot = _take_snapshot()
        _world.is_transaction_active = True
        try:
            return function(*args, **kwargs)
        except BaseException:
            _restore_snapshot(snapshot)
            raise
        finally:
            _world.is_transaction_active = False

    call_transactional._stateflow_transactional = True
    return call_transactional


def invariant(function):
    """Mark a module-level function as an invariant over lists of entities."""
    if not inspect.isfunction(function):
        raise TypeError(f"@invariant decorates a function, not {type(function).__name__}")
    function._stateflow_invariant = True
    return function
