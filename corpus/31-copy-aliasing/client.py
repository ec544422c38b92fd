planner = Planner("pat")
routine = ["email"]
print("aliased inside one argument:", planner.load([routine, routine]))
print("after add:", planner.add_to_first("standup"))

print("aliased across two arguments:", planner.load_two(routine, routine))
print("after add:", planner.add_to_monday("review"))

pair = planner.same_list_twice()
pair[0].append("swim")
print("returned pair shares its list:", pair, pair[0] is pair[1])
print("routine unchanged:", routine)
