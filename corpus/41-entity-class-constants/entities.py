from typing import List

from stateflow import entity


@entity
class Queue:
    LIMIT = 3
    PREFIX = "job-"

    def __init__(self, name: str):
        self.name: str = name
        self.jobs: List[str] = []

    def __key__(self):
        return self.name

    def add(self, job: str) -> bool:
        if len(self.jobs) >= self.LIMIT:
            return False
        self.jobs.append(Queue.PREFIX + job)
        return True

    def room(self) -> int:
        return Queue.LIMIT - len(self.jobs)
