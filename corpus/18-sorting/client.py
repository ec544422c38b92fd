board = Leaderboard("spring")
games = [
    ("zoe", "NL", [(40, False), (75, True), (60, True)]),
    ("Adam", "US", [(75, True), (30, False)]),
    ("bo", "NL", [(75, False), (75, True), (5, False)]),
    ("Cy", "DE", [(10, False)]),
    ("eve", "US", [(50, True), (55, False), (50, False)]),
]
for handle, country, results in games:
    player = Player(handle, country)
    board.join(player)
    for score, is_win in results:
        player.add_score(score, is_win=is_win)

for line in board.ranking():
    print(line)
print("by total:", board.by_total())
print("by country:", board.by_country())
print("extremes:", board.extremes())
print("reordered:", board.sort_players_by_best())

handles = [row[0] for row in board.rows()]
print(sorted(handles), sorted(handles, key=str.lower), sorted(handles, key=len, reverse=True))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]), sorted("entity"), sorted([3.5, -1, 2, 0.0]))
numbers = [5, 3, 9, 1]
numbers.sort(reverse=True)
print(numbers, list(reversed(numbers)), max("pear", "apple", "fig", key=len), min([], default="empty"))
