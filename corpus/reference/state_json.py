"""Conversion of entity state to the JSON shape of `entflow run --json`.

The rules, which the TypeScript runtime mirrors:
- None, bool, str: as JSON. int: a JSON number with every digit, however large.
- float: a JSON number in Python's repr; nan, inf and -inf become the strings
  "nan", "inf" and "-inf".
- list and tuple: arrays. set and frozenset: arrays, sorted by value when the
  elements compare, otherwise by the JSON text of each converted element.
- dict: an object whose keys are str(key), except that an entity key becomes
  "Class/key". Keys that collide after conversion keep the last value.
- a reference to an entity: {"$ref": "Class/key"}.
- any other object: {"$object": "TypeName", "attrs": {...}} when it has a
  __dict__, else {"$repr": repr(value)}.
- a container met again inside itself: {"$cycle": "TypeName"}.
"""

import contextlib
import json
import math
import sys

import stateflow


def entity_ref_text(instance):
    """Return "Class/key" for a registered or unregistered entity instance."""
    return f"{type(instance).__name__}/{instance.__key__()}"


def _sort_set(elements, converted):
    try:
        order = sorted(range(len(elements)), key=lambda index: elements[index])
    except TypeError:
        texts = [json.dumps(value, sort_keys=True) for value in converted]
        order = sorted(range(len(elements)), key=lambda index: texts[index])
    return [converted[index] for index in order]


def _dict_key_text(key):
    if stateflow.is_entity(key):
        return entity_ref_text(key)
    return str(key)


def to_json_value(value, active_ids=None):
    """Convert one Python value by the rules in this module's docstring."""
    if active_ids is None:
        active_ids = set()

    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return value
    if stateflow.is_entity(value):
        return {"$ref": entity_ref_text(value)}

    if id(value) in active_ids:
        return {"$cycle": type(value).__name__}
    active_ids.add(id(value))
    try:
        return _convert_container(value, active_ids)
    finally:
        active_ids.discard(id(value))


def _convert_container(value, active_ids):
    if isinstance(value, (list, tuple)):
        return [to_json_value(element, active_ids) for element in value]
    if isinstance(value, (set, frozenset)):
        elements = list(value)
        converted = [to_json_value(element, active_ids) for element in elements]
        return _sort_set(elements, converted)
    if isinstance(value, dict):
        return {
            _dict_key_text(key): to_json_value(element, active_ids)
            for key, element in value.items()
        }
    if hasattr(value, "__dict__"):
        return {
            "$object": type(value).__name__,
            "attrs": {name: to_json_value(element, active_ids) for name, element in vars(value).items()},
        }
    return {"$repr": repr(value)}


def collect_state():
    """Return {Class: {str(key): {attr: value}}} of every registered entity.

    Classes come in the order of their first registered instance and
    instances in registration order; attributes keep assignment order.
    """
    state = {}
    for class_name, key, instance in stateflow.registered_entities():
        attrs = stateflow.entity_state(instance)
        state.setdefault(class_name, {})[str(key)] = {
            name: to_json_value(element) for name, element in attrs.items()
        }
    return state


@contextlib.contextmanager
def unlimited_int_digits():
    """Lift CPython's 4300-digit limit on int/str conversion for the block."""
    previous_limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        yield
    finally:
        sys.set_int_max_str_digits(previous_limit)


def loads_exact(text):
    """Parse JSON text whatever the number of digits of its ints."""
    with unlimited_int_digits():
        return json.loads(text)


def dumps_exact(document, indent=None):
    """Serialize to JSON text, lifting CPython's 4300-digit int-to-str limit.

    The limit stays in force for the program itself, so str() of a huge int
    raises ValueError there as in plain CPython 3.11. Only the state dump is
    exempt.
    """
    with unlimited_int_digits():
        return json.dumps(document, indent=indent, ensure_ascii=False, allow_nan=False)
