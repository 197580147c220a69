"""AppTest tests of pages/: each page run through the dashboard, signed in."""
