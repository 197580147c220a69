"""Tests of data_access/meeting/: saved drill paths of 会议模式 and the data of each view."""
