"""Statements + questions -> each statement's question and stance, then positions per actor.

question_topics.py: the questions and which one a document and a statement are on; cues.py (with
cue_scope.py): the weights of one statement's words for each side; verdict.py: one stance from them; assign.py: every statement of a document judged, with the act's proponents
and targets, and the principles each question's act is said to violate.
"""
from ..positions import combine, positions
from .assign import assign, principle_sides, proponents, title_proponent, with_judgement
from .cues import Frame, cue_scores, simple_frame
from .question_topics import Topic, focus_anchors, kind_sides, main_topic, questions, targets, topics
from .verdict import verdict

__all__ = ["Frame", "Topic", "assign", "combine", "cue_scores", "focus_anchors", "kind_sides", "main_topic",
           "positions", "principle_sides", "proponents", "questions", "simple_frame", "targets",
           "title_proponent", "topics", "verdict", "with_judgement"]
