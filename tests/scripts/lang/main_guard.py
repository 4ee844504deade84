# lang: __name__ of the main script and the `if __name__ == "__main__":` idiom
def main():
    print("running main")
    return 0
print(__name__)
if __name__ == "__main__":
    main()
else:
    print("imported")
import helper_greetings
print(helper_greetings.__name__, helper_greetings.run_as_main())
