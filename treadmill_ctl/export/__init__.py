"""Export a recorded session to the files other training tools read: FIT and TCX."""
