from typing import List, Optional

from stateflow import entity


@entity
class Worker:
    def __init__(self, name: str, capacity: int):
        self.name: str = name
        self.capacity: int = capacity
        self.tasks: List[str] = []
        self.is_online: bool = True
        self.completed: int = 0

    def __key__(self):
        return self.name

    def has_room(self) -> bool:
        return self.is_online and len(self.tasks) < self.capacity

    def accept(self, task: str) -> int:
        self.tasks.append(task)
        return len(self.tasks)

    def load(self) -> int:
        return len(self.tasks)

    def finish_one(self) -> Optional[str]:
        if not self.is_online or not self.tasks:
            return None
        self.completed += 1
        return self.tasks.pop(0)

    def set_online(self, is_online: bool) -> None:
        self.is_online = is_online


@entity
class Dispatcher:
    def __init__(self, name: str):
        self.name: str = name
        self.workers: List[Worker] = []
        self.queued: List[str] = []
        self.cursor: int = 0

    def __key__(self):
        return self.name

    def add_worker(self, worker: Worker) -> int:
        self.workers.append(worker)
        return len(self.workers)

    def assign(self, task: str) -> str:
        # Round robin: try each worker once, queue the task if none has room.
        attempts = 0
        while attempts < len(self.workers):
            worker: Worker = self.workers[self.cursor % len(self.workers)]
            self.cursor += 1
            attempts += 1
            if worker.has_room():
                worker.accept(task)
                chosen = worker.name
                break
        else:
            self.queued.append(task)
            return "queued"
        return chosen

    def total_load(self) -> int:
        total = 0
        for worker in self.workers:
            total += worker.load()
        return total

    def work_round(self) -> List[str]:
        finished = []
        for worker in self.workers:
            if worker.load() == 0:
                continue
            task = worker.finish_one()
            if task is None:
                continue
            finished.append(task)
        return finished

    def drain_until(self, threshold: int, max_rounds: int) -> int:
        rounds = 0
        while self.total_load() > threshold:
            if rounds == max_rounds:
                break
            self.work_round()
            rounds += 1
        return rounds

    def requeue(self) -> int:
        placed = 0
        while self.queued:
            task = self.queued[0]
            if self.assign(task) == "queued":
                # assign() put it back at the end: stop, nobody has room.
                self.queued.pop()
                break
            self.queued.pop(0)
            placed += 1
        return placed

    def first_idle(self) -> str:
        for worker in self.workers:
            if worker.is_online and worker.load() == 0:
                name = worker.name
                break
        else:
            name = "none"
        return name

    def busiest(self) -> str:
        best_name = ""
        best_load = -1
        index = 0
        while True:
            if index >= len(self.workers):
                break
            worker: Worker = self.workers[index]
            index += 1
            load = worker.load()
            if load <= best_load:
                continue
            best_load = load
            best_name = worker.name
        return f"{best_name} ({best_load})"
