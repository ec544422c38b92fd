from typing import Dict, List

from stateflow import entity, transactional


@entity
class Seat:
    def __init__(self, number: int, holder: str):
        if number <= 0:
            raise ValueError(f"seat number must be positive, got {number}")
        self.number: int = number
        self.holder: str = holder

    def __key__(self):
        return self.number


@entity
class Member:
    def __init__(self, email: str, name: str):
        self.email: str = email.lower()
        self.name: str = name

    def __key__(self):
        return self.email


@entity
class Venue:
    def __init__(self, name: str):
        self.name: str = name
        self.seats: Dict[int, Seat] = {}
        self.log: List[str] = []

    def __key__(self):
        return self.name

    def book(self, number: int, holder: str) -> str:
        self.log.append(f"try {number} for {holder}")
        try:
            seat = Seat(number, holder)
        except ValueError as error:
            self.log.append(f"failed: {error}")
            return "taken"
        self.seats[number] = seat
        return "booked"

    @transactional
    def book_block(self, numbers: List[int], holder: str) -> int:
        for number in numbers:
            self.seats[number] = Seat(number, holder)
            self.log.append(f"block {number} for {holder}")
        return len(numbers)

    def holder_of(self, number: int) -> str:
        seat: Seat = self.seats[number]
        return seat.holder
