//! Conditions over answers (`notice includes connexin and us_resident = yes`), their parser with
//! byte positions for error messages, and their three-valued evaluation.
//!
//! An unanswered question, or "I'm not sure", makes a comparison `Unknown`, never `False`: this
//! is where "a missing answer is never a no" is enforced. Knows nothing of files or settlements.

use crate::answers::{Answer, Answers};
use crate::model::{Combo, Organisation};
use crate::money::Cents;
use crate::names::{ComboTag, Named};
use serde::{Deserialize, Serialize};

/// Three-valued truth (Kleene logic).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tri {
    True,
    False,
    Unknown,
}

impl Tri {
    pub fn and(self, o: Tri) -> Tri {
        match (self, o) {
            (Tri::False, _) | (_, Tri::False) => Tri::False,
            (Tri::True, Tri::True) => Tri::True,
            _ => Tri::Unknown,
        }
    }
    pub fn or(self, o: Tri) -> Tri {
        match (self, o) {
            (Tri::True, _) | (_, Tri::True) => Tri::True,
            (Tri::False, Tri::False) => Tri::False,
            _ => Tri::Unknown,
        }
    }
    pub fn negate(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Literal {
    Word(String),
    Money(Cents),
    Number(i64),
}

/// What `includes` looks for in an organisations answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Target {
    Org(String),
    Incident(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "c", rename_all = "snake_case")]
pub enum Expr {
    All(Vec<Expr>),
    Any(Vec<Expr>),
    Not(Box<Expr>),
    Cmp(String, Op, Literal),
    In(String, Vec<String>),
    Includes(String, Target),
}

/// A name an expression refers to, with its byte range in the source string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ref {
    Question {
        id: String,
        at: usize,
    },
    /// A word compared with a question's answer (an option, a state, yes/no).
    Word {
        question: String,
        word: String,
        at: usize,
    },
    Org {
        id: String,
        at: usize,
    },
    Incident {
        id: String,
        at: usize,
    },
    Money {
        question: String,
        at: usize,
    },
    Number {
        question: String,
        at: usize,
    },
}

/// A parse error at a byte offset of the condition text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub at: usize,
    pub message: String,
}

impl Expr {
    /// Evaluates against answers; `orgs` resolves `incident:` targets.
    pub fn eval(&self, answers: &Answers, orgs: &[Organisation]) -> Tri {
        match self {
            Expr::All(items) => items
                .iter()
                .fold(Tri::True, |acc, e| acc.and(e.eval(answers, orgs))),
            Expr::Any(items) => items
                .iter()
                .fold(Tri::False, |acc, e| acc.or(e.eval(answers, orgs))),
            Expr::Not(e) => e.eval(answers, orgs).negate(),
            Expr::Cmp(q, op, lit) => match answers.get(q) {
                None | Some(Answer::NotSure) => Tri::Unknown,
                Some(a) => compare(a, *op, lit),
            },
            Expr::In(q, words) => match answers.get(q) {
                None | Some(Answer::NotSure) => Tri::Unknown,
                Some(a) => {
                    let any = words
                        .iter()
                        .any(|w| compare(a, Op::Eq, &Literal::Word(w.clone())) == Tri::True);
                    if any {
                        Tri::True
                    } else {
                        Tri::False
                    }
                }
            },
            Expr::Includes(q, target) => match answers.get(q) {
                Some(Answer::Orgs(list)) => {
                    let hit = list.iter().any(|id| match target {
                        Target::Org(t) => id == t,
                        Target::Incident(inc) => orgs
                            .iter()
                            .any(|o| &o.id == id && o.incidents.iter().any(|i| i == inc)),
                    });
                    if hit {
                        Tri::True
                    } else {
                        Tri::False
                    }
                }
                _ => Tri::Unknown,
            },
        }
    }

    /// Every question id this expression reads.
    pub fn questions(&self, out: &mut Vec<String>) {
        match self {
            Expr::All(v) | Expr::Any(v) => v.iter().for_each(|e| e.questions(out)),
            Expr::Not(e) => e.questions(out),
            Expr::Cmp(q, ..) | Expr::In(q, _) | Expr::Includes(q, _) => {
                if !out.contains(q) {
                    out.push(q.clone());
                }
            }
        }
    }
}

fn compare(a: &Answer, op: Op, lit: &Literal) -> Tri {
    let ord = match (a, lit) {
        (Answer::Yes, Literal::Word(w)) => Some(("yes").cmp(w.as_str())),
        (Answer::No, Literal::Word(w)) => Some(("no").cmp(w.as_str())),
        (Answer::Choice(c), Literal::Word(w)) => Some(c.as_str().cmp(w.as_str())),
        (Answer::State(s), Literal::Word(w)) => Some(s.as_str().cmp(w.as_str())),
        // `notice = none`: the person chose no organisation ("None of these").
        (Answer::Orgs(list), Literal::Word(w)) if w == "none" => Some(if list.is_empty() {
            std::cmp::Ordering::Equal
        } else {
            std::cmp::Ordering::Greater
        }),
        (Answer::Money(c), Literal::Money(m)) => Some(c.cmp(m)),
        (Answer::Money(c), Literal::Number(n)) => Some(c.cmp(&Cents::dollars(*n))),
        (Answer::Quarters(q), Literal::Number(n)) => Some((*q as i64).cmp(&n.saturating_mul(4))),
        _ => None,
    };
    let Some(ord) = ord else { return Tri::Unknown };
    let words = matches!(lit, Literal::Word(_));
    let r = match op {
        Op::Eq => ord.is_eq(),
        Op::Ne => !ord.is_eq(),
        // Ordering words makes no sense; the loader rejects it, and here it is unknown.
        _ if words => return Tri::Unknown,
        Op::Gt => ord.is_gt(),
        Op::Ge => ord.is_ge(),
        Op::Lt => ord.is_lt(),
        Op::Le => ord.is_le(),
    };
    if r {
        Tri::True
    } else {
        Tri::False
    }
}

// ---------------------------------------------------------------------------------------------
// Lexer

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Money(Cents),
    Num(i64),
    Op(Op),
    LParen,
    RParen,
    LBrack,
    RBrack,
    Comma,
}

fn lex(src: &str) -> Result<Vec<(Tok, usize)>, ParseError> {
    let b = src.as_bytes();
    let mut i = 0;
    let mut out = Vec::new();
    while i < b.len() {
        let c = b[i];
        let start = i;
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'(' => out.push((Tok::LParen, i)),
            b')' => out.push((Tok::RParen, i)),
            b'[' => out.push((Tok::LBrack, i)),
            b']' => out.push((Tok::RBrack, i)),
            b',' => out.push((Tok::Comma, i)),
            b'=' => {
                if b.get(i + 1) == Some(&b'=') {
                    i += 1;
                }
                out.push((Tok::Op(Op::Eq), start))
            }
            b'!' if b.get(i + 1) == Some(&b'=') => {
                i += 1;
                out.push((Tok::Op(Op::Ne), start))
            }
            b'>' | b'<' => {
                let eq = b.get(i + 1) == Some(&b'=');
                if eq {
                    i += 1;
                }
                let op = match (c, eq) {
                    (b'>', false) => Op::Gt,
                    (b'>', true) => Op::Ge,
                    (_, false) => Op::Lt,
                    _ => Op::Le,
                };
                out.push((Tok::Op(op), start))
            }
            b'"' => {
                let end = src[i + 1..].find('"').ok_or(ParseError {
                    at: i,
                    message: "a quote is never closed".into(),
                })?;
                out.push((Tok::Str(src[i + 1..i + 1 + end].to_string()), start));
                i += end + 1;
            }
            b'$' => {
                let mut j = i + 1;
                while j < b.len() && (b[j].is_ascii_digit() || b[j] == b',' || b[j] == b'.') {
                    j += 1;
                }
                let m = Cents::parse(&src[i..j]).map_err(|e| ParseError {
                    at: i,
                    message: format!("bad amount: {e}"),
                })?;
                out.push((Tok::Money(m), start));
                i = j - 1;
            }
            b'0'..=b'9' => {
                // Digits alone are a number; digits followed by letters are an id ("700credit").
                let mut j = i;
                while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_' || b[j] == b'-')
                {
                    j += 1;
                }
                let word = &src[i..j];
                if word.bytes().all(|c| c.is_ascii_digit()) {
                    let n = word.parse().map_err(|_| ParseError {
                        at: i,
                        message: "number too large".into(),
                    })?;
                    out.push((Tok::Num(n), start));
                } else {
                    out.push((Tok::Ident(word.to_string()), start));
                }
                i = j - 1;
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let mut j = i;
                while j < b.len()
                    && (b[j].is_ascii_alphanumeric()
                        || b[j] == b'_'
                        || b[j] == b'-'
                        || b[j] == b':')
                {
                    j += 1;
                }
                out.push((Tok::Ident(src[i..j].to_string()), start));
                i = j - 1;
            }
            _ => {
                let ch = src[i..].chars().next().unwrap_or('?');
                return Err(ParseError {
                    at: i,
                    message: format!("unexpected character '{ch}'"),
                });
            }
        }
        i += 1;
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Condition parser

/// Most levels of parentheses and `not` in a condition, and of all_of/one_of/any_of in a
/// combination: real rules use two or three; the limit keeps the recursive parser, evaluator and
/// the pack's JSON (serde_json reads at most 128 levels) far from their limits.
pub const MAX_NESTING: usize = 16;

struct Parser<'a> {
    toks: Vec<(Tok, usize)>,
    pos: usize,
    len: usize,
    depth: usize,
    refs: &'a mut Vec<Ref>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.0)
    }
    fn at(&self) -> usize {
        self.toks.get(self.pos).map(|t| t.1).unwrap_or(self.len)
    }
    fn next(&mut self) -> Option<(Tok, usize)> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }
    fn keyword(&self, k: &str) -> bool {
        matches!(self.peek(), Some(Tok::Ident(w)) if w == k)
    }
    /// One level deeper, at the token just read ('(' or 'not').
    fn enter(&mut self) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(ParseError {
                at: self.toks.get(self.pos.saturating_sub(1)).map_or(self.len, |t| t.1),
                message: format!(
                    "the condition nests too deeply (more than {MAX_NESTING} levels of parentheses and `not`)"
                ),
            });
        }
        Ok(())
    }
    fn fail<T>(&self, m: impl Into<String>) -> Result<T, ParseError> {
        Err(ParseError {
            at: self.at(),
            message: m.into(),
        })
    }

    fn or(&mut self) -> Result<Expr, ParseError> {
        let mut items = vec![self.and()?];
        while self.keyword("or") {
            self.pos += 1;
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Expr::Any(items)
        })
    }
    fn and(&mut self) -> Result<Expr, ParseError> {
        let mut items = vec![self.not()?];
        while self.keyword("and") {
            self.pos += 1;
            items.push(self.not()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Expr::All(items)
        })
    }
    fn not(&mut self) -> Result<Expr, ParseError> {
        if self.keyword("not") {
            self.pos += 1;
            self.enter()?;
            let e = self.not()?;
            self.depth -= 1;
            return Ok(Expr::Not(Box::new(e)));
        }
        self.atom()
    }
    fn atom(&mut self) -> Result<Expr, ParseError> {
        match self.next() {
            Some((Tok::LParen, _)) => {
                self.enter()?;
                let e = self.or()?;
                self.depth -= 1;
                match self.next() {
                    Some((Tok::RParen, _)) => Ok(e),
                    _ => {
                        self.pos = self.pos.saturating_sub(1);
                        self.fail("expected ')'")
                    }
                }
            }
            Some((Tok::Ident(q), at))
                if !matches!(q.as_str(), "and" | "or" | "not" | "in" | "includes") =>
            {
                self.refs.push(Ref::Question { id: q.clone(), at });
                self.comparison(q)
            }
            _ => {
                self.pos = self.pos.saturating_sub(1);
                self.fail("expected a question id, 'not' or '('")
            }
        }
    }
    fn word(&mut self, q: &str) -> Result<String, ParseError> {
        match self.next() {
            Some((Tok::Ident(w) | Tok::Str(w), at)) => {
                self.refs.push(Ref::Word {
                    question: q.to_string(),
                    word: w.clone(),
                    at,
                });
                Ok(w)
            }
            _ => {
                self.pos = self.pos.saturating_sub(1);
                self.fail("expected a word such as yes, no, CA or an option id")
            }
        }
    }
    fn comparison(&mut self, q: String) -> Result<Expr, ParseError> {
        if self.keyword("includes") {
            self.pos += 1;
            return match self.next() {
                Some((Tok::Ident(w) | Tok::Str(w), at)) => {
                    if let Some(inc) = w.strip_prefix("incident:") {
                        self.refs.push(Ref::Incident {
                            id: inc.to_string(),
                            at: at + 9,
                        });
                        Ok(Expr::Includes(q, Target::Incident(inc.to_string())))
                    } else {
                        self.refs.push(Ref::Org { id: w.clone(), at });
                        Ok(Expr::Includes(q, Target::Org(w)))
                    }
                }
                _ => {
                    self.pos = self.pos.saturating_sub(1);
                    self.fail("expected an organisation id or incident:<family> after 'includes'")
                }
            };
        }
        if self.keyword("in") {
            self.pos += 1;
            if !matches!(self.next(), Some((Tok::LBrack, _))) {
                self.pos = self.pos.saturating_sub(1);
                return self.fail("expected '[' after 'in'");
            }
            let mut words = vec![self.word(&q)?];
            loop {
                match self.next() {
                    Some((Tok::Comma, _)) => words.push(self.word(&q)?),
                    Some((Tok::RBrack, _)) => break,
                    _ => {
                        self.pos = self.pos.saturating_sub(1);
                        return self.fail("expected ',' or ']'");
                    }
                }
            }
            return Ok(Expr::In(q, words));
        }
        let op = match self.next() {
            Some((Tok::Op(op), _)) => op,
            _ => {
                self.pos = self.pos.saturating_sub(1);
                return self.fail(
                    "expected =, !=, >, >=, <, <=, 'in' or 'includes' after the question id",
                );
            }
        };
        let lit = match self.next() {
            Some((Tok::Money(m), at)) => {
                self.refs.push(Ref::Money {
                    question: q.clone(),
                    at,
                });
                Literal::Money(m)
            }
            Some((Tok::Num(n), at)) => {
                self.refs.push(Ref::Number {
                    question: q.clone(),
                    at,
                });
                Literal::Number(n)
            }
            Some((Tok::Ident(w) | Tok::Str(w), at)) => {
                self.refs.push(Ref::Word {
                    question: q.clone(),
                    word: w.clone(),
                    at,
                });
                if !matches!(op, Op::Eq | Op::Ne) {
                    return Err(ParseError {
                        at,
                        message: "only = and != compare words; use >, < with amounts or hours"
                            .into(),
                    });
                }
                Literal::Word(w)
            }
            _ => {
                self.pos = self.pos.saturating_sub(1);
                return self.fail("expected a value to compare with");
            }
        };
        Ok(Expr::Cmp(q, op, lit))
    }
}

/// Parses a condition; `refs` receives every name it mentions, for the loader to check.
pub fn parse(src: &str, refs: &mut Vec<Ref>) -> Result<Expr, ParseError> {
    let toks = lex(src)?;
    if toks.is_empty() {
        return Err(ParseError {
            at: 0,
            message: "the condition is empty".into(),
        });
    }
    let mut p = Parser {
        toks,
        pos: 0,
        len: src.len(),
        depth: 0,
        refs,
    };
    let e = p.or()?;
    if p.pos < p.toks.len() {
        return p.fail("expected 'and', 'or' or the end of the condition");
    }
    Ok(e)
}

/// Parses a benefit combination: `one_of(a, any_of(b, c))`. `names` receives (id, offset).
pub fn parse_combo(src: &str, names: &mut Vec<(String, usize)>) -> Result<Combo, ParseError> {
    let toks = lex(src)?;
    let mut pos = 0;
    let c = combo(&toks, &mut pos, src.len(), names, 0)?;
    if pos < toks.len() {
        return Err(ParseError {
            at: toks[pos].1,
            message: "unexpected text after the combination".into(),
        });
    }
    Ok(c)
}

fn combo(
    toks: &[(Tok, usize)],
    pos: &mut usize,
    len: usize,
    names: &mut Vec<(String, usize)>,
    depth: usize,
) -> Result<Combo, ParseError> {
    let at = toks.get(*pos).map(|t| t.1).unwrap_or(len);
    let Some((Tok::Ident(w), _)) = toks.get(*pos) else {
        return Err(ParseError {
            at,
            message: "expected a benefit id, all_of(...), one_of(...), any_of(...) or unknown(...)"
                .into(),
        });
    };
    *pos += 1;
    let func = match ComboTag::from_name(w) {
        Some(t @ (ComboTag::AllOf | ComboTag::OneOf | ComboTag::AnyOf | ComboTag::Unknown)) => t,
        _ => {
            names.push((w.clone(), at));
            return Ok(Combo::Benefit(w.clone()));
        }
    };
    if !matches!(toks.get(*pos), Some((Tok::LParen, _))) {
        return Err(ParseError {
            at: toks.get(*pos).map(|t| t.1).unwrap_or(len),
            message: format!("expected '(' after {w}"),
        });
    }
    if depth >= MAX_NESTING {
        return Err(ParseError {
            at,
            message: format!("the combination nests too deeply (more than {MAX_NESTING} levels)"),
        });
    }
    *pos += 1;
    let mut items = vec![combo(toks, pos, len, names, depth + 1)?];
    loop {
        match toks.get(*pos) {
            Some((Tok::Comma, _)) => {
                *pos += 1;
                items.push(combo(toks, pos, len, names, depth + 1)?);
            }
            Some((Tok::RParen, _)) => {
                *pos += 1;
                break;
            }
            other => {
                return Err(ParseError {
                    at: other.map(|t| t.1).unwrap_or(len),
                    message: "expected ',' or ')'".into(),
                });
            }
        }
    }
    Ok(match func {
        ComboTag::AllOf => Combo::AllOf(items),
        ComboTag::OneOf => Combo::OneOf(items),
        ComboTag::Unknown => Combo::Unknown(items),
        _ => Combo::AnyOf(items),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Expr {
        parse(s, &mut Vec::new()).unwrap()
    }

    #[test]
    fn precedence_and_missing_answers() {
        let e = p("a = yes or b = yes and not c = yes");
        let mut ans = Answers::new();
        assert_eq!(e.eval(&ans, &[]), Tri::Unknown);
        ans.insert("a".into(), Answer::No);
        ans.insert("b".into(), Answer::Yes);
        assert_eq!(
            e.eval(&ans, &[]),
            Tri::Unknown,
            "c missing keeps it unknown"
        );
        ans.insert("c".into(), Answer::NotSure);
        assert_eq!(e.eval(&ans, &[]), Tri::Unknown, "not sure is not a no");
        ans.insert("c".into(), Answer::No);
        assert_eq!(e.eval(&ans, &[]), Tri::True);
        ans.insert("a".into(), Answer::Yes);
        ans.insert("c".into(), Answer::Yes);
        assert_eq!(e.eval(&ans, &[]), Tri::True, "a alone satisfies the or");
    }

    #[test]
    fn amounts_hours_and_lists() {
        let mut ans = Answers::new();
        ans.insert("costs".into(), Answer::Money(Cents(1)));
        ans.insert("hours".into(), Answer::Quarters(3));
        ans.insert("st".into(), Answer::State("OR".into()));
        assert_eq!(p("costs > $0").eval(&ans, &[]), Tri::True);
        assert_eq!(p("hours >= 1").eval(&ans, &[]), Tri::False);
        assert_eq!(p("st in [CA, OR]").eval(&ans, &[]), Tri::True);
        assert_eq!(p("st in [CA]").eval(&ans, &[]), Tri::False);
        assert_eq!(
            p("notice includes 700credit"),
            Expr::Includes("notice".into(), Target::Org("700credit".into()))
        );
    }

    #[test]
    fn includes_orgs_and_incidents() {
        let orgs = vec![Organisation {
            id: "genworth".into(),
            name: "Genworth".into(),
            aliases: vec![],
            incidents: vec!["moveit".into()],
            not_to_confuse: vec![],
            note: None,
            note_source: None,
        }];
        let mut ans = Answers::new();
        assert_eq!(
            p("notice includes incident:moveit").eval(&ans, &orgs),
            Tri::Unknown
        );
        ans.insert("notice".into(), Answer::Orgs(vec!["genworth".into()]));
        assert_eq!(
            p("notice includes incident:moveit").eval(&ans, &orgs),
            Tri::True
        );
        assert_eq!(p("notice includes connexin").eval(&ans, &orgs), Tri::False);
        ans.insert("notice".into(), Answer::Orgs(vec![]));
        assert_eq!(
            p("notice includes incident:moveit").eval(&ans, &orgs),
            Tri::False
        );
    }

    #[test]
    fn none_means_no_organisation_chosen() {
        let mut ans = Answers::new();
        assert_eq!(p("notice = none").eval(&ans, &[]), Tri::Unknown);
        ans.insert("notice".into(), Answer::NotSure);
        assert_eq!(p("notice = none").eval(&ans, &[]), Tri::Unknown);
        ans.insert("notice".into(), Answer::Orgs(vec![]));
        assert_eq!(p("notice = none").eval(&ans, &[]), Tri::True);
        assert_eq!(p("notice != none").eval(&ans, &[]), Tri::False);
        ans.insert("notice".into(), Answer::Orgs(vec!["comcast".into()]));
        assert_eq!(p("notice = none").eval(&ans, &[]), Tri::False);
    }

    #[test]
    fn errors_point_at_the_problem() {
        let e = parse("a = yes and", &mut Vec::new()).unwrap_err();
        assert_eq!(e.at, 11);
        let e = parse("a > yes", &mut Vec::new()).unwrap_err();
        assert_eq!(e.at, 4);
        let e = parse("a = yes ) ", &mut Vec::new()).unwrap_err();
        assert_eq!(e.at, 8);
        assert!(parse("a = $7,50", &mut Vec::new()).is_err());
        assert!(parse("a = é", &mut Vec::new()).is_err());
    }

    #[test]
    fn combos_nest() {
        let mut names = Vec::new();
        let c = parse_combo("all_of(m, one_of(any_of(a, b), cash))", &mut names).unwrap();
        assert_eq!(
            names.iter().map(|n| n.0.as_str()).collect::<Vec<_>>(),
            ["m", "a", "b", "cash"]
        );
        assert!(matches!(c, Combo::AllOf(ref v) if v.len() == 2));
        assert!(parse_combo("one_of(a,", &mut Vec::new()).is_err());
    }
}
