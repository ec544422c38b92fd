directory = Directory("everyone")
ada = directory.register("ada")
bob = directory.register("bob")
cy = directory.register("cy")
dan = directory.register("dan")

for follower, followed in [(bob, ada), (cy, ada), (dan, ada), (ada, bob), (cy, bob)]:
    print(f"{follower.username} follows {followed.username}:", follower.follow(followed), "followers")

first = ada.publish("Dataflows are just graphs, @bob.", directory)
second = bob.publish("Hi @ada and @cy! Also @nobody.", directory)
third = ada.publish("Exactly-once, finally", directory)

print("likes:", first.like("bob"), first.like("cy"), first.like("bob"), third.like("dan"))
print("cy reads:", cy.read_timeline(5))
print("ada reads:", ada.read_timeline(2))
print("dan reads:", dan.read_timeline(10))
print("notifications:", ada.notifications, bob.notifications, cy.notifications)
print("mentions:", second.mentions())
print("most followed:", directory.most_followed())
print("posts:", ada.posts, bob.posts, cy.posts)
