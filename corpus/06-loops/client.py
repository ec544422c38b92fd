dispatcher = Dispatcher("main")
workers = [Worker("w1", 2), Worker("w2", 1), Worker("w3", 3)]
for worker in workers:
    dispatcher.add_worker(worker)

for number in range(1, 9):
    print(f"task-{number} ->", dispatcher.assign(f"task-{number}"))

print("load:", dispatcher.total_load(), "queued:", dispatcher.queued)
print("busiest:", dispatcher.busiest())
print("idle:", dispatcher.first_idle())

workers[1].set_online(False)
print("round:", dispatcher.work_round())
print("requeued:", dispatcher.requeue(), "queued:", dispatcher.queued)
print("rounds to drain below 2:", dispatcher.drain_until(1, 10))
print("load:", dispatcher.total_load())
print("idle:", dispatcher.first_idle())

workers[1].set_online(True)
print("rounds to drain all:", dispatcher.drain_until(0, 3))
print("rounds with a tiny budget:", dispatcher.drain_until(-1, 2))

total = 0
for worker in workers:
    if worker.completed == 0:
        continue
    total += worker.completed
    print(worker.name, "completed", worker.completed, "holding", worker.tasks)
print("completed in total:", total)
