# errors: an exception escaping a main() called under the __name__ guard
def main():
    data = {"items": [1, 2]}
    return data["items"][5]
if __name__ == "__main__":
    print("starting main")
    main()
