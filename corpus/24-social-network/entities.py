from typing import Dict, List, Optional

from stateflow import entity


@entity
class Post:
    def __init__(self, post_id: str, author: str, text: str):
        self.post_id: str = post_id
        self.author: str = author
        self.text: str = text
        self.likes: List[str] = []

    def __key__(self):
        return self.post_id

    def like(self, username: str) -> int:
        if username not in self.likes:
            self.likes.append(username)
        return len(self.likes)

    def render(self) -> str:
        suffix = f" [{len(self.likes)} likes]" if self.likes else ""
        return f"@{self.author}: {self.text}{suffix}"

    def mentions(self) -> List[str]:
        return [word[1:].strip(".,!?") for word in self.text.split() if word.startswith("@")]


@entity
class User:
    def __init__(self, username: str):
        self.username: str = username
        self.followers: List["User"] = []
        self.timeline: List[Post] = []
        self.posts: int = 0
        self.notifications: List[str] = []

    def __key__(self):
        return self.username

    def add_follower(self, follower: "User") -> int:
        self.followers.append(follower)
        return len(self.followers)

    def follow(self, other: "User") -> int:
        return other.add_follower(self)

    def deliver(self, post: Post) -> None:
        self.timeline.append(post)

    def notify(self, message: str) -> None:
        self.notifications.append(message)

    def publish(self, text: str, directory: "Directory") -> Post:
        self.posts += 1
        post = Post(f"{self.username}/{self.posts}", self.username, text)
        self.timeline.append(post)
        for follower in self.followers:
            follower.deliver(post)
        for name in post.mentions():
            mentioned = directory.find(name)
            if mentioned is not None:
                mentioned.notify(f"{self.username} mentioned you in {post.post_id}")
        return post

    def read_timeline(self, count: int) -> List[str]:
        recent: List[Post] = self.timeline[-count:]
        return [post.render() for post in reversed(recent)]


@entity
class Directory:
    def __init__(self, name: str):
        self.name: str = name
        self.users: Dict[str, User] = {}

    def __key__(self):
        return self.name

    def register(self, username: str) -> User:
        user = User(username)
        self.users[username] = user
        return user

    def find(self, username: str) -> Optional[User]:
        return self.users.get(username)

    def most_followed(self) -> str:
        counts = []
        for username in self.users:
            user: User = self.users[username]
            counts.append((len(user.followers), username))
        counts.sort(key=lambda pair: (-pair[0], pair[1]))
        return counts[0][1]
