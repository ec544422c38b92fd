from typing import Dict, List, Optional, Tuple

from stateflow import entity, transactional


@entity
class Geo:
    def __init__(self, region: str):
        self.region: str = region
        self.points: Dict[str, Tuple[float, float]] = {}

    def __key__(self):
        return self.region

    def add(self, hotel_id: str, lat: float, lon: float) -> None:
        self.points[hotel_id] = (lat, lon)

    def nearby(self, lat: float, lon: float, count: int) -> List[str]:
        ranked = sorted(
            ((plat - lat) ** 2 + (plon - lon) ** 2, hotel_id)
            for hotel_id, (plat, plon) in self.points.items()
        )
        return [hotel_id for _, hotel_id in ranked[:count]]


@entity
class Rate:
    def __init__(self, name: str):
        self.name: str = name
        self.plans: Dict[str, List[Tuple[str, float]]] = {}

    def __key__(self):
        return self.name

    def add_plan(self, hotel_id: str, code: str, nightly: float) -> int:
        self.plans.setdefault(hotel_id, []).append((code, nightly))
        return len(self.plans[hotel_id])

    def quote(self, hotel_ids: List[str], nights: int) -> List[Tuple[str, str, float]]:
        quotes = []
        for hotel_id in hotel_ids:
            if hotel_id not in self.plans:
                continue
            code, nightly = min(self.plans[hotel_id], key=lambda plan: plan[1])
            quotes.append((hotel_id, code, round(nightly * nights, 2)))
        quotes.sort(key=lambda quote: (quote[2], quote[0]))
        return quotes


@entity
class Profile:
    def __init__(self, hotel_id: str, name: str, city: str, stars: int):
        self.hotel_id: str = hotel_id
        self.name: str = name
        self.city: str = city
        self.stars: int = stars

    def __key__(self):
        return self.hotel_id

    def describe(self) -> str:
        return f"{self.name}, {self.city} ({'*' * self.stars})"


@entity
class Reservation:
    def __init__(self, hotel_id: str, capacity: int):
        self.hotel_id: str = hotel_id
        self.capacity: int = capacity
        self.booked: Dict[int, int] = {}
        self.confirmations: List[str] = []

    def __key__(self):
        return self.hotel_id

    def is_available(self, in_day: int, out_day: int, rooms: int) -> bool:
        return all(self.booked.get(day, 0) + rooms <= self.capacity for day in range(in_day, out_day))

    def reserve(self, customer: str, in_day: int, out_day: int, rooms: int) -> str:
        if out_day <= in_day:
            raise ValueError(f"check-out day {out_day} is not after check-in day {in_day}")
        if not self.is_available(in_day, out_day, rooms):
            raise ValueError(f"{self.hotel_id} has no {rooms} free rooms from day {in_day} to {out_day}")
        for day in range(in_day, out_day):
            self.booked[day] = self.booked.get(day, 0) + rooms
        confirmation = f"{self.hotel_id}-{len(self.confirmations) + 1:03d}"
        self.confirmations.append(confirmation)
        return confirmation


@entity
class User:
    def __init__(self, username: str, password: str):
        self.username: str = username
        self.password: str = password
        self.bookings: List[str] = []

    def __key__(self):
        return self.username

    def check_password(self, password: str) -> bool:
        return password == self.password

    def add_booking(self, confirmation: str) -> int:
        self.bookings.append(confirmation)
        return len(self.bookings)


@entity
class Search:
    def __init__(self, name: str, geo: Geo, rate: Rate):
        self.name: str = name
        self.geo: Geo = geo
        self.rate: Rate = rate
        self.profiles: Dict[str, Profile] = {}
        self.reservations: Dict[str, Reservation] = {}

    def __key__(self):
        return self.name

    def register_hotel(self, hotel_id: str, name: str, city: str, stars: int,
                       lat: float, lon: float, capacity: int) -> Profile:
        profile = Profile(hotel_id, name, city, stars)
        self.profiles[hotel_id] = profile
        self.reservations[hotel_id] = Reservation(hotel_id, capacity)
        self.geo.add(hotel_id, lat, lon)
        return profile

    def reservation_of(self, hotel_id: str) -> Reservation:
        if hotel_id not in self.reservations:
            raise KeyError(f"unknown hotel {hotel_id}")
        return self.reservations[hotel_id]

    def search(self, lat: float, lon: float, in_day: int, out_day: int, rooms: int = 1) -> List[str]:
        candidates = self.geo.nearby(lat, lon, 4)
        free = [h for h in candidates if self.reservation_of(h).is_available(in_day, out_day, rooms)]
        results = []
        for hotel_id, code, total in self.rate.quote(free, out_day - in_day):
            profile: Profile = self.profiles[hotel_id]
            results.append(f"{profile.describe()} {code} {total:.2f}")
        return results

    def recommend(self, criterion: str) -> Optional[str]:
        if criterion == "stars":
            best: Optional[Profile] = None
            for hotel_id in self.profiles:
                profile: Profile = self.profiles[hotel_id]
                if best is None or profile.stars > best.stars:
                    best = profile
            return None if best is None else best.name
        if criterion == "price":
            quotes = self.rate.quote(list(self.profiles), 1)
            return quotes[0][0] if quotes else None
        return None

    @transactional
    def reserve(self, user: User, password: str, hotel_id: str, in_day: int, out_day: int,
                rooms: int = 1) -> str:
        if not user.check_password(password):
            raise PermissionError(f"wrong password for {user.username}")
        confirmation = self.reservation_of(hotel_id).reserve(user.username, in_day, out_day, rooms)
        user.add_booking(confirmation)
        return confirmation
