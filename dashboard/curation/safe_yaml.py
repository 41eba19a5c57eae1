"""Read YAML written by other people (curated records, review files) without trusting it.

PyYAML's safe loader builds no arbitrary objects, but it still expands aliases without limit
(a 1 KB "billion laughs" file becomes gigabytes once walked), composes nested lists by
recursion (20,000 `[` end in a RecursionError) and quotes the offending text in its errors.
Here the event stream is checked first (nesting depth, file size), then the composed node
graph (how many nodes the aliases would expand to, alias cycles), and only then are Python
values built. Every error message is one short line.
"""

from __future__ import annotations

from typing import Any

import yaml

from dashboard import plain_text

MAX_BYTES = 20 * 1024 * 1024  # the largest curated file today is about 0.1 MB
MAX_DEPTH = 50  # records nest three or four levels
MAX_NODES = 1_000_000  # values in one file, with every alias expanded
MAX_ALIAS_NODES = 10_000  # values that aliases may add by repeating an anchor
MAX_MESSAGE = 200


class UnsafeYAML(ValueError):
    """The file is not YAML this project will read; the message is one short line."""


class _TextDates(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so an impossible date becomes a clear
    validation problem naming the record instead of a crash inside the YAML parser."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def short(message: object, limit: int = MAX_MESSAGE) -> str:
    return plain_text.shorten(message, limit)


def _check_events(text: str, loader: type[yaml.SafeLoader]) -> None:
    """Refuse deep nesting before the recursive composer sees it (the parser is iterative)."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark else "?"
                raise UnsafeYAML(f"nested more than {MAX_DEPTH} levels deep (line {line})")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _expanded_size(root: yaml.Node) -> int:
    """Nodes the document holds once every alias is expanded, refusing alias cycles.

    Subtree sizes are memoised per node, so a billion-laughs file is measured in a few
    steps instead of being expanded; depth is already bounded, so recursion is safe."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise UnsafeYAML("an alias refers to a value that contains it")
        open_nodes.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(child) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        open_nodes.discard(key)
        sizes[key] = total = min(total, MAX_NODES + 1)
        return total

    expanded = size(root)
    distinct = len(sizes)
    if expanded > MAX_NODES:
        raise UnsafeYAML(f"more than {MAX_NODES:,} values once its aliases are expanded")
    if expanded - distinct > MAX_ALIAS_NODES:
        raise UnsafeYAML(
            f"its aliases (*name) repeat {expanded - distinct:,} values; at most "
            f"{MAX_ALIAS_NODES:,} are allowed"
        )
    return expanded


def loads(text: str, *, dates_as_text: bool = True) -> Any:
    """The one document in `text` as Python values, or UnsafeYAML with a short reason."""
    if len(text) > MAX_BYTES:
        raise UnsafeYAML(f"larger than {MAX_BYTES // (1024 * 1024)} MiB")
    loader_class = _TextDates if dates_as_text else yaml.SafeLoader
    try:
        _check_events(text, loader_class)
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            _expanded_size(node)
            return loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        raise UnsafeYAML(f"not valid YAML: {short(' '.join(str(error).split()))}") from None
    except RecursionError:
        raise UnsafeYAML(f"nested more than {MAX_DEPTH} levels deep") from None
