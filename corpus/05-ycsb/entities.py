from stateflow import entity, transactional


@entity
class Record:
    def __init__(self, record_id: int, value: int):
        self.record_id: int = record_id
        self.value: int = value
        self.version: int = 0

    def __key__(self):
        return self.record_id

    def read(self) -> int:
        return self.value

    def update(self, value: int) -> int:
        self.value = value
        self.version += 1
        return self.version

    def add(self, delta: int) -> int:
        self.value += delta
        self.version += 1
        return self.value

    @transactional
    def transfer(self, to: "Record", amount: int) -> int:
        if amount > self.value:
            raise ValueError(f"record {self.record_id} holds {self.value}, cannot move {amount}")
        self.value -= amount
        self.version += 1
        to.add(amount)
        return self.value
