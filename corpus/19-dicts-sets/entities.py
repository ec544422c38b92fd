from typing import Dict, List, Set, Tuple

from stateflow import entity


@entity
class TagIndex:
    def __init__(self, name: str):
        self.name: str = name
        self.tags: Dict[str, Set[str]] = {}
        self.counts: Dict[str, int] = {}
        self.pairs: Dict[Tuple[str, str], int] = {}
        self.retired: Set[str] = set()

    def __key__(self):
        return self.name

    def tag(self, document: str, labels: List[str]) -> int:
        unique = set(labels)
        for label in sorted(unique):
            self.tags.setdefault(label, set()).add(document)
            self.counts[label] = self.counts.get(label, 0) + 1
        ordered = sorted(unique)
        for index, first in enumerate(ordered):
            for second in ordered[index + 1:]:
                self.pairs[(first, second)] = self.pairs.get((first, second), 0) + 1
        return len(unique)

    def documents(self, label: str) -> List[str]:
        return sorted(self.tags.get(label, set()))

    def both(self, first: str, second: str) -> List[str]:
        return sorted(self.tags.get(first, set()) & self.tags.get(second, set()))

    def either(self, first: str, second: str) -> List[str]:
        return sorted(self.tags.get(first, set()) | self.tags.get(second, set()))

    def only_first(self, first: str, second: str) -> List[str]:
        return sorted(self.tags.get(first, set()) - self.tags.get(second, set()))

    def exactly_one(self, first: str, second: str) -> List[str]:
        return sorted(self.tags.get(first, set()) ^ self.tags.get(second, set()))

    def retire(self, label: str) -> int:
        removed = self.tags.pop(label, set())
        del self.counts[label]
        self.retired.add(label)
        return len(removed)

    def popular(self, minimum: int) -> Dict[str, int]:
        return {label: count for label, count in self.counts.items() if count >= minimum}

    def top_pair(self) -> Tuple[Tuple[str, str], int]:
        return max(self.pairs.items(), key=lambda item: (item[1], item[0]))


@entity
class Merger:
    def __init__(self, name: str):
        self.name: str = name
        self.combined: Dict[str, int] = {}

    def __key__(self):
        return self.name

    def merge(self, first: TagIndex, second: TagIndex) -> List[str]:
        self.combined = dict(first.counts)
        for label, count in second.counts.items():
            self.combined[label] = self.combined.get(label, 0) + count
        self.combined.update({"merged": 1})
        return list(self.combined)
