from typing import Dict, List, Optional

from stateflow import entity


@entity
class Copy:
    def __init__(self, barcode: str, title: str):
        self.barcode: str = barcode
        self.title: str = title
        self.borrower: Optional[str] = None
        self.loans: int = 0

    def __key__(self):
        return self.barcode

    def is_available(self) -> bool:
        return self.borrower is None

    def lend(self, member: str) -> None:
        if self.borrower is not None:
            raise RuntimeError(f"{self.barcode} is already lent to {self.borrower}")
        self.borrower = member
        self.loans += 1

    def give_back(self) -> Optional[str]:
        previous = self.borrower
        self.borrower = None
        return previous


@entity
class Member:
    def __init__(self, name: str, limit: int = 2):
        self.name: str = name
        self.limit: int = limit
        self.borrowed: List[str] = []

    def __key__(self):
        return self.name

    def can_borrow(self) -> bool:
        return len(self.borrowed) < self.limit

    def note_loan(self, barcode: str) -> int:
        self.borrowed.append(barcode)
        return len(self.borrowed)

    def note_return(self, barcode: str) -> int:
        self.borrowed.remove(barcode)
        return len(self.borrowed)


@entity
class Library:
    def __init__(self, name: str):
        self.name: str = name
        self.copies: Dict[str, List[Copy]] = {}
        self.waitlist: Dict[str, List[Member]] = {}

    def __key__(self):
        return self.name

    def add_copy(self, copy: Copy) -> int:
        title = copy.title
        self.copies.setdefault(title, []).append(copy)
        return len(self.copies[title])

    def borrow(self, member: Member, title: str) -> str:
        if not member.can_borrow():
            return f"{member.name} is at the limit"
        shelf: List[Copy] = self.copies.get(title, [])
        for copy in shelf:
            if copy.is_available():
                copy.lend(member.name)
                member.note_loan(copy.barcode)
                return f"{member.name} borrows {copy.barcode}"
        else:
            self.waitlist.setdefault(title, []).append(member)
            return f"{member.name} waits for {title} (position {len(self.waitlist[title])})"

    def give_back(self, member: Member, barcode: str) -> List[str]:
        events = []
        for title in self.copies:
            shelf: List[Copy] = self.copies[title]
            for copy in shelf:
                if copy.barcode != barcode:
                    continue
                copy.give_back()
                member.note_return(barcode)
                events.append(f"{member.name} returns {barcode}")
                events.extend(self.serve_waitlist(title))
                return events
        raise KeyError(barcode)

    def serve_waitlist(self, title: str) -> List[str]:
        events = []
        queue: List[Member] = self.waitlist.get(title, [])
        while queue and any(copy.is_available() for copy in self.copies[title]):
            waiting: Member = queue[0]
            del queue[0]
            if not waiting.can_borrow():
                events.append(f"{waiting.name} skipped")
                continue
            events.append(self.borrow(waiting, title))
        self.waitlist[title] = queue
        return events

    def report(self) -> List[str]:
        lines = []
        for title in sorted(self.copies):
            shelf: List[Copy] = self.copies[title]
            free = sum(1 for copy in shelf if copy.is_available())
            waiting = [member.name for member in self.waitlist.get(title, [])]
            lines.append(f"{title}: {free}/{len(shelf)} free, waiting {waiting}")
        return lines
