queue = Queue("q")
for job in ["a", "b", "c", "d"]:
    print(job, queue.add(job), queue.room())
print(queue.jobs)
