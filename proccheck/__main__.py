"""`python -m proccheck`."""

from proccheck.cli import main

if __name__ == "__main__":
    main()
