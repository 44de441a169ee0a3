"""Allow ``python -m sanctions_check``."""

from sanctions_check.entry import main

if __name__ == "__main__":
    main()
