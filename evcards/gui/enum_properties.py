"""Set Qt-typed properties by their Qt names, so that start-up never builds the `Qt` namespace.

PySide6 turns every enum of a Qt class into a Python enum the first time Python code touches
the class. For the `Qt` namespace that is 93 enums with 1,200 members: 20-27 ms, about a tenth
of the time evcards takes to show its window. Qt's meta-object system converts a property set
by name ("AlignRight|AlignVCenter"), as a Designer .ui file does, in C++, and builds no Python
enum. So the widgets made before the window shows set their `Qt` properties here, and the
modules they live in read `QtCore.Qt` only in code that runs later: event handlers, painting,
the item model's data. `tests/test_startup_imports.py` checks that `Qt` is still unbuilt when
the window is shown.

One more way to build `Qt` without naming it: calling an overloaded Qt function whose other
overload takes a `Qt` enum (`QSplitter(parent)` beside `QSplitter(orientation, parent)`) makes
PySide6 look at that enum's type. Keyword arguments or a setter avoid it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def set_enum_properties(target: QObject, **values: str) -> None:
    """Set each enum or flag property to the named value; flags join names with "|".

    Every name is checked before anything is set: a misspelt property or value raises and
    changes nothing, where `setProperty` alone would quietly add a dynamic property or keep the
    old value. The tests that build the window find it."""
    meta = target.metaObject()
    for name, value in values.items():
        index = meta.indexOfProperty(name)
        if index < 0 or not meta.property(index).isEnumType():
            raise ValueError(f"{type(target).__name__} has no enum property {name!r}")
        if not meta.property(index).enumerator().keysToValue(value)[1]:
            raise ValueError(f"{type(target).__name__}.{name} cannot be set to {value!r}")
    for name, value in values.items():
        if not target.setProperty(name, value):
            raise ValueError(f"{type(target).__name__}.{name} refused {value!r}")
